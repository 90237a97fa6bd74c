export type { HistoryKind } from '@/lib/client/wire';
export type { OracleMode as OracleModeName } from '@/lib/oracle/types';
