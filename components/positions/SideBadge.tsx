import type { ReactNode } from 'react';
import { Badge } from '@/components/ui';
import type { BadgeTone } from '@/components/ui';

/**
 * A Badge whose red text is the strong shade: #f6465d on the soft red background is 4.4:1 (axe color-contrast,
 * serious); #ff6b7e is about 6:1. Green already passes.
 */
export function SideBadge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return (
    <Badge tone={tone} className={tone === 'short' ? 'text-short-strong!' : undefined}>
      {children}
    </Badge>
  );
}
