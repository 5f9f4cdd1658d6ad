import {
  DEGREE_LABELS,
  type DepartmentDto,
  formatShanghaiDateTime,
  PAGE_LIMIT_MAX,
  type RosterClaimState,
  type StaffRosterEntryDto,
} from '@alumni/shared';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { listRosterEntries, type RosterEntryFilters } from '../../../../api/roster';
import { ApiError } from '../../../../api/request';
import { getSchool } from '../../../../api/school';
import { bindForm } from '../../../../components/form-field';
import { DeskSearchInput } from '../../../../desk/search-input';
import { type DeskColumn, DeskTable } from '../../../../desk/table';
import '../../../../desk/desk.scss';
import { RosterImport } from './index';
import './index.scss';

const claimLabel = (e: StaffRosterEntryDto) => (e.claimed ? '已认领' : '未认领');
const dateTime = (at: string | null) => (at ? formatShanghaiDateTime(at) : '');

const COLUMNS: DeskColumn<StaffRosterEntryDto>[] = [
  { key: 'year', title: '毕业年份', render: (e) => e.graduationYear, value: (e) => e.graduationYear },
  { key: 'department', title: '院系', render: (e) => e.department.name, value: (e) => e.department.name },
  { key: 'major', title: '专业', render: (e) => e.major ?? '—', value: (e) => e.major, shown: false },
  { key: 'class', title: '班级', render: (e) => e.className ?? '—', value: (e) => e.className },
  { key: 'name', title: '姓名', render: (e) => e.name, value: (e) => e.name },
  { key: 'studentNumber', title: '学号', render: (e) => e.studentNumber, value: (e) => e.studentNumber },
  {
    key: 'degree',
    title: '学历',
    render: (e) => (e.degree ? DEGREE_LABELS[e.degree] : '—'),
    value: (e) => (e.degree ? DEGREE_LABELS[e.degree] : null),
    shown: false,
  },
  {
    key: 'claim',
    title: '认领状态',
    render: (e) => <span className={`roster-desk-claim roster-desk-claim--${e.claimed ? 'claimed' : 'unclaimed'}`}>{claimLabel(e)}</span>,
    value: claimLabel,
  },
  {
    key: 'claimedAt',
    title: '认领时间',
    render: (e) => dateTime(e.claimedAt) || '—',
    value: (e) => e.claimedAt,
    text: (e) => dateTime(e.claimedAt),
  },
  {
    key: 'createdAt',
    title: '入册时间',
    render: (e) => dateTime(e.createdAt),
    value: (e) => e.createdAt,
    text: (e) => dateTime(e.createdAt),
    shown: false,
  },
];

const CLAIM_FILTERS: { key: RosterClaimState | 'all'; label: string }[] = [
  { key: 'all', label: '全部认领状态' },
  { key: 'unclaimed', label: '未认领' },
  { key: 'claimed', label: '已认领' },
];

type Loaded = { entries: StaffRosterEntryDto[]; nextCursor: string | null };
type Draft = { graduationYear: string; departmentId: string; className: string; claim: RosterClaimState | 'all'; name: string };

const YEAR = /^\d{4}$/;

/**
 * 名册 at a desk: the roster in a table (year, department, class, name, claim state), the server's filters in one
 * form (Enter searches), the table's own sorting, filter box, columns and pages over what is loaded, 加载更多 for
 * the server's next page, an entry's detail in the side panel, and the import (template, upload, preview, commit)
 * in the same panel; a commit reads the roster again.
 */
export default function RosterDesk() {
  const [draft, setDraft] = useState<Draft>({ graduationYear: '', departmentId: '', className: '', claim: 'all', name: '' });
  const form = bindForm(draft, setDraft);
  const [filters, setFilters] = useState<RosterEntryFilters>({});
  const [yearError, setYearError] = useState(false);
  const [departments, setDepartments] = useState<DepartmentDto[]>([]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [panel, setPanel] = useState<{ kind: 'entry'; id: string } | { kind: 'import' } | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    getSchool().then(
      (school) => setDepartments(school.departments),
      () => undefined,
    );
  }, []);

  const load = useCallback(async (query: RosterEntryFilters) => {
    setLoaded(null);
    try {
      const page = await listRosterEntries({ ...query, limit: PAGE_LIMIT_MAX });
      setLoaded({ entries: page.items, nextCursor: page.nextCursor });
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : '网络异常，请稍后重试');
    }
  }, []);
  useEffect(() => {
    void load(filters);
  }, [filters, generation, load]);

  const loadMore = async () => {
    if (!loaded?.nextCursor) return;
    try {
      const page = await listRosterEntries({ ...filters, limit: PAGE_LIMIT_MAX, cursor: loaded.nextCursor });
      setLoaded((l) => (l ? { entries: [...l.entries, ...page.items], nextCursor: page.nextCursor } : l));
    } catch {
      // Shown by the request wrapper.
    }
  };

  const search = (event: FormEvent) => {
    event.preventDefault();
    const year = draft.graduationYear.trim();
    const bad = year !== '' && !YEAR.test(year);
    setYearError(bad);
    if (bad) return;
    setSelected(new Set());
    setPanel(null);
    setFilters({
      graduationYear: year ? Number(year) : undefined,
      departmentId: draft.departmentId || undefined,
      className: draft.className.trim() || undefined,
      claim: draft.claim === 'all' ? undefined : draft.claim,
      name: draft.name.trim() || undefined,
    });
  };

  const open = panel?.kind === 'entry' ? (loaded?.entries.find((e) => e.id === panel.id) ?? null) : null;

  return (
    <div className="desk roster-desk">
      <div className="desk__main">
        <form className="desk-toolbar roster-desk-search" onSubmit={search}>
          <DeskSearchInput
            form={form}
            name="graduationYear"
            placeholder="毕业年份"
            label="毕业年份"
            numeric
            size={8}
            className="roster-desk-year"
          />
          <select
            aria-label="院系"
            className="roster-desk-department"
            value={draft.departmentId}
            onChange={(e) => form.set('departmentId', e.target.value)}
          >
            <option value="">全部院系</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <DeskSearchInput
            form={form}
            name="className"
            placeholder="班级（完整名称）"
            label="班级"
            size={14}
            className="roster-desk-class"
          />
          <select
            aria-label="认领状态"
            className="roster-desk-claim-filter"
            value={draft.claim}
            onChange={(e) => form.set('claim', e.target.value as Draft['claim'])}
          >
            {CLAIM_FILTERS.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
          <DeskSearchInput
            form={form}
            name="name"
            placeholder="姓名的一部分或完整学号"
            label="姓名或学号"
            size={22}
            className="roster-desk-name"
          />
          <button type="submit" className="desk-button desk-button--primary roster-desk-submit">
            查询
          </button>
          <span className="desk-toolbar__spacer" />
          <button type="button" className="desk-button roster-desk-import" onClick={() => setPanel({ kind: 'import' })}>
            导入名册
          </button>
        </form>
        {yearError ? <div className="desk-problem">毕业年份请填写四位数字，如 2016</div> : null}
        {problem ? <div className="desk-result desk-result--failed">{problem}</div> : null}
        <DeskTable
          name="roster-desk"
          rows={loaded?.entries ?? []}
          rowKey={(e) => e.id}
          columns={COLUMNS}
          selected={selected}
          onSelect={setSelected}
          openKey={open?.id ?? null}
          onOpen={(e) => setPanel({ kind: 'entry', id: e.id })}
          more={loaded?.nextCursor ? loadMore : null}
          exportName="名册-所选"
          empty={loaded ? '没有符合条件的名册记录，换个年份、院系、班级或姓名试试' : '加载中…'}
        />
      </div>
      {panel?.kind === 'import' ? (
        <aside className="desk-panel roster-desk-panel" aria-label="导入名册">
          <div className="desk-panel__head">
            <span className="desk-panel__title">导入名册</span>
            <button type="button" className="desk-button" onClick={() => setPanel(null)}>
              关闭
            </button>
          </div>
          <RosterImport onCommitted={() => setGeneration((g) => g + 1)} />
        </aside>
      ) : null}
      {open ? (
        <aside className="desk-panel roster-desk-panel" aria-label="名册记录">
          <div className="desk-panel__head">
            <span className="desk-panel__title">{open.name}</span>
            <button type="button" className="desk-button" onClick={() => setPanel(null)}>
              关闭
            </button>
          </div>
          <span className="desk-panel__line">学号 {open.studentNumber}</span>
          <span className="desk-panel__line">
            {open.graduationYear} 届 · {open.department.name}
          </span>
          <span className="desk-panel__line">
            {open.major ?? '专业未填'} · {open.className ?? '班级未填'}
            {open.degree ? ` · ${DEGREE_LABELS[open.degree]}` : ''}
          </span>
          <span className="desk-panel__line roster-desk-panel-claim">
            {open.claimed ? `已由校友认领${open.claimedAt ? `（${dateTime(open.claimedAt)}）` : ''}` : '尚未认领'}
          </span>
          <span className="desk-panel__line">入册于 {dateTime(open.createdAt)}</span>
        </aside>
      ) : null}
    </div>
  );
}
