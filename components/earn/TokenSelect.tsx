import type { TokenId } from '@/lib/math/ids';

/** A labelled native select of the pool's custody tokens (keyboard and phone friendly). */
export function TokenSelect({ id, label, value, tokens, onChange }: { id: string; label: string; value: TokenId; tokens: readonly TokenId[]; onChange: (token: TokenId) => void }) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-xs font-medium text-ink-muted">
        {label}
      </label>
      <select
        id={id}
        data-testid={id}
        value={value}
        onChange={(e) => {
          const next = tokens.find((t) => t === e.target.value);
          if (next) onChange(next);
        }}
        className="min-h-11 rounded-lg border border-line bg-bg-input px-3 text-sm font-medium text-ink focus:border-accent"
      >
        {tokens.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    </div>
  );
}
