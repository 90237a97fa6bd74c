'use client';
/** Downloads the history as CSV (exact decimals, lib/trade historyToCsv). */
import { Button } from '@/components/ui';
import type { HistoryEvent } from '@/lib/client/types';
import { historyToCsv } from '@/lib/trade/history-csv';

export function ExportCsvButton({ events }: { events: readonly HistoryEvent[] }) {
  return (
    <Button
      size="sm"
      variant="secondary"
      data-testid="history-export"
      disabled={events.length === 0}
      onClick={() => {
        const blob = new Blob([historyToCsv(events)], { type: 'text/csv;charset=utf-8' });
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = `poolperps-history-${new Date().toISOString().slice(0, 10)}.csv`;
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 1_000);
      }}
    >
      Export CSV
    </Button>
  );
}
