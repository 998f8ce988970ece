import { useEffect } from 'react';
import { loadInputs, removeSnapshot } from '../loading';
import { followLocalServer } from './local-server';
import { startAddressSync } from './sync';

/** Keeps the view in the page address, and follows the `parkview` command when it served the page. */
export function usePageAddress(): void {
  useEffect(() => {
    followLocalServer(loadInputs, removeSnapshot);
    startAddressSync();
  }, []);
}
