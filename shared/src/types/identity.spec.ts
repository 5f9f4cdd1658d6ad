import { maskPhone } from './identity.js';

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mainland number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  it('never shows more than two digits of a short number', () => {
    expect(maskPhone('12345')).toBe('***45');
  });
});
