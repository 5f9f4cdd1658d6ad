import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { calls, network, signIn } from '../../../../../test/weapp/wx';
import { issuedReceipt, myPaidGift } from '../../test-fixtures';
import ReceiptsPage from './index';

describe('捐赠票据 in WeChat', () => {
  beforeEach(() => {
    signIn({ displayName: '李明' });
  });

  it('downloads an issued e-receipt with the token and opens it in the document viewer', async () => {
    network
      .on('GET', '/api/v1/me/donations', () => ({ json: { items: [myPaidGift({ id: 'd0' })], nextCursor: null } }))
      .on('GET', '/api/v1/me/receipts', () => ({ json: [issuedReceipt()] }))
      .on('GET', '/api/v1/me/receipts/r1/file', (request) => {
        expect(request.headers.authorization ?? request.headers.Authorization).toBe('Bearer a');
        return { bytes: Buffer.from('%PDF-1.4\n%%EOF\n'), type: 'application/pdf' };
      });
    render(<ReceiptsPage />);
    fireEvent.click(await screen.findByText('下载票据 ›'));
    await waitFor(() => expect(calls.some((c) => c.api === 'openDocument')).toBe(true));
    expect(calls.find((c) => c.api === 'openDocument')!.options).toMatchObject({ fileType: 'pdf' });
  });
});
