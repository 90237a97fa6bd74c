import { ConfigError } from '@/lib/config/env';
import { getServices, stopServices } from './services';

/**
 * Node-runtime start (instrumentation.ts): builds the services before the first request; a bad configuration
 * prints the ConfigError sentence and stops the process; SIGTERM / SIGINT stop the keeper and oracle and close
 * the database before exiting.
 */
export async function startServer(): Promise<void> {
  try {
    await getServices();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const shutdown = () => {
    void stopServices().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
