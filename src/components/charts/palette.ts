/** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
export const palette = {
  healthy: '#009E73',
  watch: '#E69F00',
  alarm: '#D55E00',
  neutral: '#999999',
  primary: '#0072B2',
  secondary: '#56B4E9',
  accent: '#CC79A7',
} as const;
export type PaletteColour = (typeof palette)[keyof typeof palette];

/** Light tints of the status colours, for background bands behind marks. */
export const tints = {
  healthy: '#D9F0E9',
  watch: '#FBEFD9',
  alarm: '#F7E1D9',
  neutral: '#EEEEEE',
  primary: '#D9E9F3',
  secondary: '#DDEFFA',
} as const;
