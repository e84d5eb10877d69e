// Runs inside headless Chromium: how well signatures, names, addresses and phones are
// read, on the tuned cases and on the held-out ones (tests/fixtures/held-out/README.md).
import heldOutAddresses from '../tests/fixtures/held-out/addresses/cases.json';
import heldOutSignatures from '../tests/fixtures/held-out/signatures/cases.json';
import tunedAddresses from '../tests/fixtures/addresses/cases.json';
import tunedSignatures from '../tests/fixtures/signatures/cases.json';
import {
  addressFigures,
  signatureFigures,
  type AddressCase,
} from '../tests/support/reading-quality';

export function measure() {
  return {
    signatures: {
      tuned: signatureFigures(tunedSignatures),
      heldOut: signatureFigures(heldOutSignatures),
    },
    addresses: {
      tuned: addressFigures(tunedAddresses as AddressCase[]),
      heldOut: addressFigures(heldOutAddresses as AddressCase[]),
    },
  };
}

declare global {
  interface Window {
    clienteleReadingBench: { measure: typeof measure };
  }
}
window.clienteleReadingBench = { measure };
