import { create } from 'zustand';

/** Whether the board is open for everyone and whether only the tutor may draw, as the server last said. */
interface BoardStatusState {
  open: boolean;
  locked: boolean;
  set: (status: { open: boolean; locked: boolean }) => void;
}

export const useBoardStatus = create<BoardStatusState>((set) => ({
  open: false,
  locked: false,
  set: ({ open, locked }) => set({ open, locked }),
}));

/**
 * The open board's "make the picture now" (set while a board is shown): the tutor's browser calls it
 * before closing the board, so the kept picture shows the board as it was closed.
 */
export const boardPicture: { flush?: () => Promise<void> } = {};
