/**
 * The organization's vocabulary (levels, kinds, the search form of a name) on its own: plain
 * values with no framework behind them, so that a parsing thread can load them cheaply.
 */
export * from './levels';
export * from './search-name';
