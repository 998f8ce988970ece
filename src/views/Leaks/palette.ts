/** Colors of the groups drawn on the timeline, in rank order; readable on light and dark backgrounds. */
export const BAND_COLORS = ['#e15759', '#4e79a7', '#f28e2c', '#59a14f', '#b07aa1', '#76b7b2', '#edc949', '#ff9da7', '#9c755f', '#8cd17d'];
