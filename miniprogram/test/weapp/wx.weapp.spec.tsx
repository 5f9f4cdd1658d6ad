import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { API_BASE, network, settled } from './wx';

/**
 * Asks, and once confirmed sends its request from an effect two renders on (the answer shows a
 * notice, whose effect starts the send): renders lie between the answer and the request.
 */
function ConfirmThenSend() {
  const [stage, setStage] = useState<'asking' | 'confirmed' | 'sending' | 'sent'>('asking');
  useEffect(() => {
    if (stage === 'confirmed') setStage('sending');
    if (stage === 'sending') void Taro.request({ url: `${API_BASE}/api/v1/ping`, method: 'POST' }).then(() => setStage('sent'));
  }, [stage]);
  const ask = async () => {
    const { confirm } = await Taro.showModal({ title: '发送', content: '确定发送？' });
    if (confirm) setStage('confirmed');
  };
  const sent = stage === 'sent';
  return <button onClick={() => void ask()}>{sent ? '已发送' : '发送'}</button>;
}

describe('the wx fake: settled()', () => {
  it('waits across the gap between a confirmed dialog and the request the page sends after it renders', async () => {
    const pings: string[] = [];
    network.on('POST', '/api/v1/ping', (req) => {
      pings.push(req.path);
      return { json: {} };
    });
    render(<ConfirmThenSend />);
    fireEvent.click(screen.getByText('发送'));
    await settled();
    expect(pings).toEqual(['/api/v1/ping']);
    expect(screen.getByText('已发送')).toBeTruthy();
  });
});
