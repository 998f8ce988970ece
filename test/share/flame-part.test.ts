import { describe, expect, it } from 'vitest';
import { applyBound, boundAddress } from '../../src/actions/address/bindings';
import { useFlame } from '../../src/store/flame';
import { decodeAddress, encodeAddress } from '../../src/core/address/address';

describe('flame graph state in the address', () => {
  it('round-trips zoom, search, sandwich focus, colour, orientation and tagroot through the hash', () => {
    const initial = useFlame.getState();
    const flame = useFlame.getState();
    flame.setGroupBy('tenant');
    flame.setColour('state');
    flame.setOrientation('flame');
    flame.setSearch('/send|recv/');
    flame.zoomTo(['tenant=acme', 'main.main', 'main.(*exporter).send']);
    const hash = encodeAddress({ view: 'flame', ...boundAddress() });
    expect(hash).toBe('v1&view=flame&fz=tenant%3Dacme%3Bmain.main%3Bmain.%28*exporter%29.send&fq=%2Fsend%7Crecv%2F&fc=state&fo=flame&tagroot=tenant');
    const want = useFlame.getState();

    useFlame.setState(initial, true);
    const decoded = decodeAddress(`#${hash}`);
    if (!decoded.ok) throw new Error(decoded.error);
    applyBound(decoded.state);
    const got = useFlame.getState();
    expect({ zoom: got.zoomPath, search: got.search, colour: got.colour, orientation: got.orientation, groupBy: got.groupBy }).toEqual({
      zoom: want.zoomPath,
      search: want.search,
      colour: want.colour,
      orientation: want.orientation,
      groupBy: want.groupBy,
    });
  });

  it('restores a sandwich focus', () => {
    useFlame.getState().setFocus(null);
    applyBound({ flameFocus: 'main.(*exporter).send' });
    expect(useFlame.getState().focus).toBe('main.(*exporter).send');
    expect(encodeAddress(boundAddress())).toContain('ff=main.%28*exporter%29.send');
  });
});
