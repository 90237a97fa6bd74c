/**
 * Dark text on the red Short buttons: white on #f6465d is 3.5:1 (axe color-contrast, serious, for normal-size
 * text); #0b0e14 on it is about 5.1:1, and mirrors the Long button's dark text on green.
 */
export const SHORT_TEXT = 'text-[#0b0e14]!';
