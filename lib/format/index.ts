export * from '@/lib/format/fixed';
export * from '@/lib/format/usd';
export * from '@/lib/format/price';
export * from '@/lib/format/token';
export * from '@/lib/format/percent';
export * from '@/lib/format/address';
export * from '@/lib/format/time';
export * from '@/lib/format/markets';
