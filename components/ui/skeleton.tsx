import { cn } from '@/components/ui/cn';

/** A loading placeholder with the size of the figure it stands for. */
export function Skeleton({ className }: { className?: string }) {
  return <span aria-hidden className={cn('inline-block animate-pulse rounded bg-bg-hover', className ?? 'h-4 w-16')} />;
}
