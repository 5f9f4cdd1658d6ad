import { type ClaimStatsDto, formatDuration, formatShanghaiDateTime, PAGE_LIMIT_MAX, type StaffClaimDto } from '@alumni/shared';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../../api/request';
import { approveClaim, getClaimStats, listStaffClaims } from '../../../../api/verification';
import { type BulkOutcome, BulkOutcomeNote, runBulk } from '../../../../desk/bulk';
import { type DeskColumn, DeskTable } from '../../../../desk/table';
import '../../../../desk/desk.scss';
import { ClaimCard, ClaimStats } from './index';

/** The roster record a claim takes when approved without a choice: the only one nobody has claimed. */
const soleCandidate = (claim: StaffClaimDto) => {
  const open = claim.candidates.filter((c) => !c.claimed);
  return open.length === 1 ? open[0]! : null;
};

const COLUMNS: DeskColumn<StaffClaimDto>[] = [
  { key: 'name', title: '姓名', render: (c) => c.name, value: (c) => c.name },
  { key: 'year', title: '届别', render: (c) => `${c.graduationYear} 届`, value: (c) => c.graduationYear },
  { key: 'department', title: '院系', render: (c) => c.department.name, value: (c) => c.department.name },
  {
    key: 'number',
    title: '学号 / 班级',
    render: (c) => c.studentNumber ?? c.className ?? '—',
    value: (c) => c.studentNumber ?? c.className ?? null,
  },
  { key: 'account', title: '账号', render: (c) => c.alumnus.displayName, value: (c) => c.alumnus.displayName },
  {
    key: 'candidates',
    title: '名册记录',
    render: (c) => (soleCandidate(c) ? '1 条可认领' : c.candidates.length ? `${c.candidates.length} 条，需选择` : '无'),
    value: (c) => c.candidates.length,
  },
  { key: 'evidence', title: '证明', render: (c) => (c.hasEvidence ? '有照片' : '—'), value: (c) => (c.hasEvidence ? 1 : 0) },
  { key: 'created', title: '提交时间', render: (c) => formatShanghaiDateTime(c.createdAt), value: (c) => c.createdAt, shown: false },
  { key: 'waiting', title: '已等待', render: (c) => formatDuration(c.waitingSeconds), value: (c) => c.waitingSeconds },
];

type Loaded = { claims: StaffClaimDto[]; nextCursor: string | null };

/**
 * 认证审核 at a desk: every pending claim in a table, approved several at a time (each takes
 * its only unclaimed roster record, as the phone card does, or none), or one at a time in the
 * side panel, where staff pick among several roster records, see the evidence or reject.
 */
export default function ClaimsDesk() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [stats, setStats] = useState<ClaimStatsDto | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);

  const refreshStats = useCallback(() => {
    void getClaimStats().then(setStats, () => undefined);
  }, []);
  const load = useCallback(async () => {
    try {
      const page = await listStaffClaims({ status: 'pending', limit: PAGE_LIMIT_MAX });
      setLoaded({ claims: page.items, nextCursor: page.nextCursor });
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : '网络异常，请稍后重试');
    }
    refreshStats();
  }, [refreshStats]);
  useEffect(() => {
    void load();
  }, [load]);

  const loadMore = async () => {
    if (!loaded?.nextCursor) return;
    try {
      const page = await listStaffClaims({ status: 'pending', limit: PAGE_LIMIT_MAX, cursor: loaded.nextCursor });
      setLoaded((l) => (l ? { claims: [...l.claims, ...page.items], nextCursor: page.nextCursor } : l));
    } catch {
      // Shown by the request wrapper.
    }
  };

  // Decided claims leave the list and the selection; the statistics are read again.
  const remove = (ids: Set<string>) => {
    setLoaded((l) => (l ? { ...l, claims: l.claims.filter((c) => !ids.has(c.id)) } : l));
    setSelected((s) => new Set([...s].filter((id) => !ids.has(id))));
    if (openId && ids.has(openId)) setOpenId(null);
    refreshStats();
  };

  const claims = loaded?.claims ?? [];
  const chosen = claims.filter((c) => selected.has(c.id));
  const linked = chosen.filter((c) => soleCandidate(c)).length;

  const approveChosen = async () => {
    const done = new Set<string>();
    const result = await runBulk({
      items: chosen,
      verb: '通过',
      title: `批量通过 ${chosen.length} 条认证`,
      content:
        `将通过 ${chosen.length} 条认证，其中 ${linked} 条认领其唯一可认领的名册记录，` +
        `${chosen.length - linked} 条不关联名册。通过后不能撤销。`,
      label: (c) => `${c.name}（${c.graduationYear} 届）`,
      action: async (c) => {
        const entry = soleCandidate(c);
        await approveClaim(c.id, entry ? { rosterEntryId: entry.id } : {});
        done.add(c.id);
      },
    });
    if (!result) return;
    setOutcome(result);
    remove(done);
  };

  const open = claims.find((c) => c.id === openId) ?? null;

  return (
    <div className="desk claims-desk">
      <div className="desk__main">
        {stats ? <ClaimStats stats={stats} /> : null}
        {problem ? <div className="desk-result desk-result--failed">{problem}</div> : null}
        <BulkOutcomeNote outcome={outcome} />
        <DeskTable
          name="claims-desk"
          rows={claims}
          rowKey={(c) => c.id}
          columns={COLUMNS}
          selected={selected}
          onSelect={setSelected}
          openKey={openId}
          onOpen={(c) => setOpenId(c.id)}
          more={loaded?.nextCursor ? loadMore : null}
          empty={loaded ? '没有待审核的认证' : '加载中…'}
          toolbar={
            <button
              type="button"
              className="desk-button desk-button--primary claims-desk-approve"
              disabled={chosen.length === 0}
              onClick={() => void approveChosen()}
            >
              批量通过{chosen.length ? `（${chosen.length}）` : ''}
            </button>
          }
        />
      </div>
      {open ? (
        <aside className="desk-panel claims-desk-panel" aria-label="认证详情">
          <div className="desk-panel__head">
            <span className="desk-panel__title">认证详情</span>
            <button type="button" className="desk-button" onClick={() => setOpenId(null)}>
              关闭
            </button>
          </div>
          <ClaimCard key={open.id} claim={open} onDecided={() => remove(new Set([open.id]))} />
        </aside>
      ) : null}
    </div>
  );
}
