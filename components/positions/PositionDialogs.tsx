'use client';
import type { Position } from '@/lib/client/types';
import { ClosePositionDialog } from './ClosePositionDialog';
import { EditCollateralDialog } from './EditCollateralDialog';
import type { PositionDialog } from './PositionRow';
import { TpSlDialog } from './TpSlDialog';

/** The one open dialog of the positions list. */
export function PositionDialogs({ kind, position, price, onClose }: { kind: PositionDialog; position: Position; price: bigint; onClose: () => void }) {
  if (kind === 'close') return <ClosePositionDialog position={position} price={price} onClose={onClose} />;
  if (kind === 'collateral') return <EditCollateralDialog position={position} price={price} onClose={onClose} />;
  return <TpSlDialog position={position} price={price} onClose={onClose} />;
}
