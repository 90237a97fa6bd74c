export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ ok: true, oracle: { mode: 'simulated', stale: false }, db: 'pglite' });
}
