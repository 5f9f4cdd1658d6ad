import {
  type EventDetailDto,
  formatShanghaiShort,
  PAGE_LIMIT_MAX,
  type RegistrantCountsDto,
  type RegistrantDto,
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
  type RegistrationStatus,
} from '@alumni/shared';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { EXPORT_FORMATS } from '../../../../api/exports';
import { ApiError } from '../../../../api/request';
import { downloadRegistrants, getStaffEvent, listRegistrants } from '../../../../api/staff-events';
import { ExportButton } from '../../../../components/export-button';
import { type DeskColumn, DeskTable } from '../../../../desk/table';
import '../../../../desk/desk.scss';
import { Counts } from './index';
import { answerText } from './registrants';
import './index.scss';

const stateOf = (r: RegistrantDto) => (r.checkedInAt ? '已签到' : REGISTRATION_STATUS_LABELS[r.status]);

const FIXED: DeskColumn<RegistrantDto>[] = [
  { key: 'name', title: '姓名', render: (r) => r.realName ?? r.displayName, value: (r) => r.realName ?? r.displayName },
  { key: 'year', title: '届别', render: (r) => (r.graduationYear ? `${r.graduationYear} 届` : '—'), value: (r) => r.graduationYear },
  { key: 'state', title: '状态', render: stateOf, value: stateOf },
  {
    key: 'created',
    title: '报名时间',
    render: (r) => formatShanghaiShort(r.createdAt),
    value: (r) => r.createdAt,
    text: (r) => formatShanghaiShort(r.createdAt),
  },
  {
    key: 'checkedIn',
    title: '签到时间',
    render: (r) => (r.checkedInAt ? formatShanghaiShort(r.checkedInAt) : '—'),
    value: (r) => r.checkedInAt,
    text: (r) => (r.checkedInAt ? formatShanghaiShort(r.checkedInAt) : ''),
  },
  { key: 'walkIn', title: '现场登记', render: (r) => (r.walkIn ? '是' : ''), value: (r) => (r.walkIn ? '是' : ''), shown: false },
];

/**
 * An event's registrants at a desk: the counts, a status filter, every registrant in a table
 * with a column per sign-up question, the server's export of the list and 导出所选.
 */
export default function RegistrantsDesk() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [event, setEvent] = useState<EventDetailDto | null>(null);
  const [status, setStatus] = useState<RegistrationStatus | undefined>();
  const [counts, setCounts] = useState<RegistrantCountsDto | null>(null);
  const [rows, setRows] = useState<RegistrantDto[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());

  useEffect(() => {
    getStaffEvent(id).then(setEvent, () => undefined);
  }, [id]);

  const load = useCallback(
    async (cursor?: string) => {
      try {
        const page = await listRegistrants(id, { status, cursor, limit: PAGE_LIMIT_MAX });
        setCounts(page.counts);
        setRows((r) => (cursor && r ? [...r, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
        setProblem(null);
      } catch (error) {
        setProblem(error instanceof ApiError ? error.message : '网络异常，请稍后重试');
      }
    },
    [id, status],
  );
  useEffect(() => {
    setRows(null);
    setSelected(new Set());
    void load();
  }, [load]);

  const columns = useMemo<DeskColumn<RegistrantDto>[]>(
    () => [
      ...FIXED,
      ...(event?.questions ?? []).map((q) => ({
        key: `q-${q.id}`,
        title: q.label,
        render: (r: RegistrantDto) => answerText(r.answers[q.id]),
        value: (r: RegistrantDto) => answerText(r.answers[q.id]),
      })),
    ],
    [event],
  );

  return (
    <div className="desk registrants-desk">
      <div className="desk__main">
        <div className="desk-panel__title">{event?.title ?? ' '}</div>
        <Counts counts={counts} />
        <div className="desk-toolbar">
          <select
            aria-label="状态"
            className="registrants-desk-status"
            value={status ?? ''}
            onChange={(e) => setStatus((e.target.value || undefined) as RegistrationStatus | undefined)}
          >
            <option value="">全部</option>
            {REGISTRATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {REGISTRATION_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          {EXPORT_FORMATS.map((format) => (
            <ExportButton
              key={format}
              className="desk-button"
              block="registrants-export"
              format={format}
              filename={`报名名单-${id.slice(0, 8)}.${format}`}
              download={() => downloadRegistrants(id, format, status)}
            />
          ))}
        </div>
        {problem ? <div className="desk-result desk-result--failed">{problem}</div> : null}
        <DeskTable
          name="registrants-desk"
          rows={rows ?? []}
          rowKey={(r) => r.id}
          columns={columns}
          selected={selected}
          onSelect={setSelected}
          more={nextCursor ? () => load(nextCursor) : null}
          exportName={`报名名单-所选-${id.slice(0, 8)}`}
          empty={rows ? '暂无报名' : '加载中…'}
        />
      </div>
    </div>
  );
}
