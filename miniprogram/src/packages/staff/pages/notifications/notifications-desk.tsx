import {
  formatShanghaiDateTime,
  type NotificationCountsDto,
  type NotificationDto,
  type NotificationStatus,
  PAGE_LIMIT_MAX,
} from '@alumni/shared';
import { useCallback, useEffect, useState } from 'react';
import { getNotificationCounts, listNotifications, retryNotification } from '../../../../api/notifications';
import { ApiError } from '../../../../api/request';
import { type BulkOutcome, BulkOutcomeNote, runBulk } from '../../../../desk/bulk';
import { type DeskColumn, DeskTable } from '../../../../desk/table';
import '../../../../desk/desk.scss';
import { kindLabel, reasonLabel, STATUS_TABS } from './labels';

const COLUMNS: DeskColumn<NotificationDto>[] = [
  { key: 'kind', title: '消息', render: (n) => kindLabel(n.kind), value: (n) => kindLabel(n.kind) },
  { key: 'who', title: '校友', render: (n) => n.alumnusName ?? '已注销校友', value: (n) => n.alumnusName },
  {
    key: 'created',
    title: '产生时间',
    render: (n) => formatShanghaiDateTime(n.createdAt),
    value: (n) => n.createdAt,
    text: (n) => formatShanghaiDateTime(n.createdAt),
  },
  { key: 'reason', title: '原因', render: (n) => reasonLabel(n.lastError) ?? '—', value: (n) => reasonLabel(n.lastError) },
  { key: 'attempts', title: '已尝试', render: (n) => `${n.attempts} 次`, value: (n) => n.attempts },
];

/** 消息发送 at a desk: one status at a time in a table; failed messages are sent again several at a time. */
export default function NotificationsDesk() {
  const [status, setStatus] = useState<NotificationStatus>('failed');
  const [counts, setCounts] = useState<NotificationCountsDto | null>(null);
  const [rows, setRows] = useState<NotificationDto[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);

  const loadCounts = useCallback(() => {
    void getNotificationCounts().then(setCounts, () => undefined);
  }, []);
  const load = useCallback(
    async (cursor?: string) => {
      try {
        const page = await listNotifications({ status, cursor, limit: PAGE_LIMIT_MAX });
        setRows((r) => (cursor && r ? [...r, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
        setProblem(null);
      } catch (error) {
        setProblem(error instanceof ApiError ? error.message : '网络异常，请稍后重试');
      }
    },
    [status],
  );
  useEffect(() => {
    setRows(null);
    setSelected(new Set());
    loadCounts();
    void load();
  }, [load, loadCounts]);

  const chosen = (rows ?? []).filter((n) => selected.has(n.id));
  const retryChosen = async () => {
    const sent = new Set<string>();
    const result = await runBulk({
      items: chosen,
      verb: '重新发送',
      title: `重新发送 ${chosen.length} 条消息`,
      content: `将重新发送 ${chosen.length} 条发送失败的消息；校友仍未订阅的，会再次失败。`,
      label: (n) => `${kindLabel(n.kind)} · ${n.alumnusName ?? '已注销校友'}`,
      action: async (n) => {
        await retryNotification(n.id);
        sent.add(n.id);
      },
    });
    if (!result) return;
    setOutcome(result);
    setRows((r) => (r ? r.filter((n) => !sent.has(n.id)) : r));
    setSelected((s) => new Set([...s].filter((id) => !sent.has(id))));
    loadCounts();
  };

  return (
    <div className="desk notifications-desk">
      <div className="desk__main">
        <div className="desk-toolbar" role="tablist">
          {STATUS_TABS.map((tab) => (
            <button
              key={tab.status}
              type="button"
              role="tab"
              aria-selected={tab.status === status}
              className={`desk-button${tab.status === status ? ' desk-button--primary' : ''}`}
              onClick={() => setStatus(tab.status)}
            >
              {tab.label}
              {counts ? ` ${counts[tab.status]}` : ''}
            </button>
          ))}
        </div>
        {problem ? <div className="desk-result desk-result--failed">{problem}</div> : null}
        <BulkOutcomeNote outcome={outcome} />
        <DeskTable
          name="notifications-desk"
          rows={rows ?? []}
          rowKey={(n) => n.id}
          columns={COLUMNS}
          selected={status === 'failed' ? selected : undefined}
          onSelect={status === 'failed' ? setSelected : undefined}
          more={nextCursor ? () => load(nextCursor) : null}
          toolbar={
            status === 'failed' ? (
              <button
                type="button"
                className="desk-button desk-button--primary notifications-desk-retry"
                disabled={chosen.length === 0}
                onClick={() => void retryChosen()}
              >
                重新发送{chosen.length ? `（${chosen.length}）` : ''}
              </button>
            ) : null
          }
          empty={rows ? '这里没有消息' : '加载中…'}
        />
      </div>
    </div>
  );
}
