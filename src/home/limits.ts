/** How many rows each Home section reads at most; the Home tab stays the same size whatever the number of projects. */
export const HOME_TAKE = 10;
