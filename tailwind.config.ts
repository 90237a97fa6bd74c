import type { Config } from 'tailwindcss';

/**
 * The dark trading theme. One green for long and profit, one red for short and loss; every figure uses tabular
 * numerals (`font-variant-numeric: tabular-nums` on `body`, see `app/globals.css`). Loaded by Tailwind 4 through
 * `@config` in `app/globals.css`.
 */
const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}', './lib/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        bg: { DEFAULT: '#0b0e14', raised: '#11151d', panel: '#151a23', hover: '#1b212c', input: '#0f131a' },
        line: { DEFAULT: '#232a36', strong: '#2f3847' },
        ink: { DEFAULT: '#e6e9ef', muted: '#9aa4b2', faint: '#8590a0' },
        long: { DEFAULT: '#2ebd85', strong: '#3fd79a', soft: 'rgba(46,189,133,0.14)' },
        short: { DEFAULT: '#f6465d', strong: '#ff6b7e', soft: 'rgba(246,70,93,0.14)' },
        accent: { DEFAULT: '#7c8cff', soft: 'rgba(124,140,255,0.16)' },
        warn: { DEFAULT: '#f0b90b', soft: 'rgba(240,185,11,0.14)' },
      },
      fontFamily: {
        sans: ['Inter', 'system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'sans-serif'],
        mono: ['ui-monospace', 'SFMono-Regular', 'Menlo', 'monospace'],
      },
      borderRadius: { card: '10px' },
    },
  },
};

export default config;
