import { type ContentReviewDto, formatShanghaiShort, PAGE_LIMIT_MAX } from '@alumni/shared';
import { useCallback, useEffect, useState } from 'react';
import { listContentReviews } from '../../../../api/content-reviews';
import { ApiError } from '../../../../api/request';
import { type DeskColumn, DeskTable } from '../../../../desk/table';
import '../../../../desk/desk.scss';
import { itemTitle, waitReason } from './content-review-view';
import { ReviewCard } from './index';
import './index.scss';

const authorOf = (item: ContentReviewDto) => item.author?.displayName ?? '已注销校友';

const COLUMNS: DeskColumn<ContentReviewDto>[] = [
  { key: 'kind', title: '内容', render: itemTitle, value: itemTitle },
  { key: 'author', title: '作者', render: authorOf, value: authorOf },
  {
    key: 'text',
    title: '文字',
    render: (item) => (item.text === null ? '（图片）' : item.text.length > 30 ? `${item.text.slice(0, 30)}…` : item.text),
    value: (item) => item.text,
  },
  { key: 'reason', title: '原因', render: waitReason, value: waitReason },
  {
    key: 'queued',
    title: '进入队列',
    render: (item) => formatShanghaiShort(item.queuedAt),
    value: (item) => item.queuedAt,
    text: (item) => formatShanghaiShort(item.queuedAt),
  },
];

/** 内容审核 at a desk: the queue in a table, each item looked at and decided in the side panel beside it. */
export default function ContentReviewsDesk() {
  const [rows, setRows] = useState<ContentReviewDto[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  const load = useCallback(async (cursor?: string) => {
    try {
      const page = await listContentReviews({ cursor, limit: PAGE_LIMIT_MAX });
      setRows((r) => (cursor && r ? [...r, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : '网络异常，请稍后重试');
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const open = rows?.find((item) => item.id === openId) ?? null;
  return (
    <div className="desk content-reviews-desk">
      <div className="desk__main">
        {problem ? <div className="desk-result desk-result--failed">{problem}</div> : null}
        <DeskTable
          name="content-reviews-desk"
          rows={rows ?? []}
          rowKey={(item) => item.id}
          columns={COLUMNS}
          openKey={openId}
          onOpen={(item) => setOpenId(item.id)}
          more={nextCursor ? () => load(nextCursor) : null}
          empty={rows ? '没有待审核的内容' : '加载中…'}
        />
      </div>
      {open ? (
        <aside className="desk-panel content-reviews-desk-panel" aria-label="审核">
          <div className="desk-panel__head">
            <span className="desk-panel__title">审核</span>
            <button type="button" className="desk-button" onClick={() => setOpenId(null)}>
              关闭
            </button>
          </div>
          <ReviewCard
            key={open.id}
            item={open}
            onDecided={() => {
              setRows((r) => (r ? r.filter((item) => item.id !== open.id) : r));
              setOpenId(null);
            }}
          />
        </aside>
      ) : null}
    </div>
  );
}
