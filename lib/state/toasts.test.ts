import { describe, expect, it } from 'vitest';
import { toast, useToastStore } from './toasts';

describe('toasts read figures as the screen does', () => {
  it('a refusal from the API keeps its words, its prices are rounded like the rest of the screen', () => {
    const id = toast.pending('Sign to open the position');
    toast.update(id, { kind: 'error', title: 'Price $114.360994755 is above your acceptable price of $114.0.', description: 'Fee $0.2500001' });
    expect(useToastStore.getState().toasts.find((t) => t.id === id)).toMatchObject({
      kind: 'error',
      title: 'Price $114.36 is above your acceptable price of $114.00.',
      description: 'Fee $0.25',
    });
    toast.dismiss(id);
  });
});
