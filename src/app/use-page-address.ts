import { useEffect } from 'react';
import { loadInputs, removeSnapshot } from '../actions/loading';
import { followLocalServer } from '../actions/local-server';
import { startAddressSync } from '../actions/address/sync';

/** Keeps the view in the page address, and follows the `parkview` command when it served the page. */
export function usePageAddress(): void {
  useEffect(() => {
    followLocalServer(loadInputs, removeSnapshot);
    startAddressSync();
  }, []);
}
