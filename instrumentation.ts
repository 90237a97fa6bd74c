/**
 * Next.js start hook: on the Node runtime, builds the services (config, database, oracle, engine, keeper) before
 * the first request. A bad configuration stops the server with the ConfigError message.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { ConfigError } = await import('@/lib/config/env');
  const { getServices, stopServices } = await import('@/lib/server/services');
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
