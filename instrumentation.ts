/**
 * Next.js start hook: on the Node runtime only, builds the services (config, database, oracle, engine, keeper)
 * before the first request (lib/server/start.ts). A bad configuration stops the server with its message.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('@/lib/server/start');
    await startServer();
  }
}
