/**
 * Whether this process is loading the demo district's records, so the web client can say why the district
 * still looks empty during the first minute after `npm start` (the records commit batch by batch).
 * Process state on purpose: only the process that loads the demo knows it is loading.
 */
export type DemoState = 'off' | 'loading' | 'loaded' | 'failed';

let state: DemoState = 'off';

export const demoState = (): DemoState => state;
export const setDemoState = (next: DemoState) => {
  state = next;
};
