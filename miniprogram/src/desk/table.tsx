import { csvText, shanghaiDay } from '@alumni/shared';
import { type ReactNode, useMemo, useState } from 'react';
import { saveInBrowser, textFileUrl } from '../api/events-files';
import { showModal } from '../components/modal';
import { useSingleFlight } from '../components/use-single-flight';

export interface DeskColumn<T> {
  key: string;
  title: string;
  /** What the cell shows. */
  render: (row: T) => ReactNode;
  /** The value the column sorts by; a column without one does not sort. */
  value?: (row: T) => string | number | null;
  /** The cell as text, for the filter box and 导出所选; the value as text when left out. */
  text?: (row: T) => string;
  /** Shown until the user hides it with 列; true when left out. */
  shown?: boolean;
}

type Sort = { key: string; descending: boolean } | null;

const PAGE_SIZES = [20, 50, 100];

function cellText<T>(column: DeskColumn<T>, row: T): string {
  return column.text ? column.text(row) : String(column.value?.(row) ?? '');
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN');
}

/**
 * A dense table of the rows a desk view has loaded: sorting by a column's header, a filter box
 * over the columns' values, a choice of columns, pages of 20, 50 or 100, a check box per row
 * for bulk actions, and a row's detail opened beside it (`onOpen`) without leaving the list.
 * `more` loads the server's next page when the loaded rows run out, one load at a time
 * (useSingleFlight: two clicks before the table renders again load the page once).
 */
export function DeskTable<T>({
  name,
  rows,
  rowKey,
  columns,
  selected,
  onSelect,
  openKey,
  onOpen,
  more,
  toolbar,
  exportName,
  empty,
}: {
  /** The table's class block for journeys and styles: `${name}-row`, `${name}-filter`. */
  name: string;
  rows: T[];
  rowKey: (row: T) => string;
  columns: DeskColumn<T>[];
  selected?: ReadonlySet<string>;
  onSelect?: (keys: Set<string>) => void;
  openKey?: string | null;
  onOpen?: (row: T) => void;
  /** Loads the next page (catching its own errors); null when there is none. */
  more?: (() => Promise<unknown>) | null;
  /** Actions shown beside the filter box (bulk actions, exports). */
  toolbar?: ReactNode;
  /** Offers 导出所选: the selected rows' shown columns as `${exportName}-<date>.csv`. */
  exportName?: string;
  empty: string;
}) {
  const [sort, setSort] = useState<Sort>(null);
  const { busy: loadingMore, run } = useSingleFlight();
  const [filter, setFilter] = useState('');
  const [hidden, setHidden] = useState<Set<string>>(() => new Set(columns.filter((c) => c.shown === false).map((c) => c.key)));
  const [choosing, setChoosing] = useState(false);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]!);
  const [pageIndex, setPageIndex] = useState(0);

  const visible = columns.filter((c) => !hidden.has(c.key));
  const shownRows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const kept = needle ? rows.filter((row) => columns.some((c) => cellText(c, row).toLowerCase().includes(needle))) : rows;
    const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
    if (!sort || !column?.value) return kept;
    const value = column.value;
    return [...kept].sort((a, b) => (sort.descending ? -1 : 1) * compare(value(a), value(b)));
  }, [rows, columns, filter, sort]);

  const pageCount = Math.max(1, Math.ceil(shownRows.length / pageSize));
  const page = Math.min(pageIndex, pageCount - 1);
  const pageRows = shownRows.slice(page * pageSize, (page + 1) * pageSize);
  const pageKeys = pageRows.map(rowKey);
  const allOnPage = pageKeys.length > 0 && pageKeys.every((key) => selected?.has(key));

  const toggle = (key: string) => {
    if (!selected || !onSelect) return;
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    onSelect(next);
  };
  const toggleAll = () => {
    if (!selected || !onSelect) return;
    const next = new Set(selected);
    for (const key of pageKeys) {
      if (allOnPage) next.delete(key);
      else next.add(key);
    }
    onSelect(next);
  };
  const exportSelected = async () => {
    const chosen = rows.filter((row) => selected?.has(rowKey(row)));
    const { confirm } = await showModal({
      title: '导出所选',
      content: `将导出所选的 ${chosen.length} 条记录（${visible.map((c) => c.title).join('、')}）为 CSV 文件。`,
      confirmText: '导出',
    });
    if (!confirm) return;
    const csv = csvText([visible.map((c) => c.title), ...chosen.map((row) => visible.map((c) => cellText(c, row)))]);
    saveInBrowser(textFileUrl(csv, 'text/csv;charset=utf-8'), `${exportName}-${shanghaiDay(new Date())}.csv`);
  };
  const sortBy = (key: string) => {
    setSort((s) => (s?.key !== key ? { key, descending: false } : s.descending ? null : { key, descending: true }));
    setPageIndex(0);
  };

  return (
    <>
      <div className="desk-toolbar">
        <input
          type="search"
          className={`${name}-filter`}
          placeholder="在已加载的记录中筛选"
          aria-label="筛选"
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setPageIndex(0);
          }}
        />
        {toolbar}
        {exportName ? (
          <button
            type="button"
            className={`desk-button ${name}-export-selected`}
            disabled={!selected?.size}
            onClick={() => void exportSelected()}
          >
            导出所选{selected?.size ? `（${selected.size}）` : ''}
          </button>
        ) : null}
        <span className="desk-toolbar__spacer" />
        <div className="desk-columns">
          <button type="button" className="desk-button" aria-expanded={choosing} onClick={() => setChoosing((c) => !c)}>
            列
          </button>
          {choosing ? (
            <div className="desk-columns__menu">
              {columns.map((c) => (
                <label key={c.key}>
                  <input
                    type="checkbox"
                    checked={!hidden.has(c.key)}
                    onChange={() =>
                      setHidden((h) => {
                        const next = new Set(h);
                        if (next.has(c.key)) next.delete(c.key);
                        else next.add(c.key);
                        return next;
                      })
                    }
                  />{' '}
                  {c.title}
                </label>
              ))}
            </div>
          ) : null}
        </div>
      </div>

      <div className="desk-table">
        <table>
          <thead>
            <tr>
              {onSelect ? (
                <th className="desk-table__check">
                  <input type="checkbox" aria-label="选择本页全部" checked={allOnPage} onChange={toggleAll} />
                </th>
              ) : null}
              {visible.map((c) => (
                <th key={c.key} aria-sort={sort?.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                  {c.value ? (
                    <button type="button" className="desk-table__sort" onClick={() => sortBy(c.key)}>
                      {c.title}
                      {sort?.key === c.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
                    </button>
                  ) : (
                    c.title
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pageRows.map((row) => {
              const key = rowKey(row);
              return (
                <tr key={key} className={`${name}-row${openKey === key ? ' desk-table__row--open' : ''}`} onClick={() => onOpen?.(row)}>
                  {onSelect ? (
                    <td className="desk-table__check" onClick={(e) => e.stopPropagation()}>
                      <input type="checkbox" aria-label="选择" checked={selected?.has(key) ?? false} onChange={() => toggle(key)} />
                    </td>
                  ) : null}
                  {visible.map((c) => (
                    <td key={c.key}>{c.render(row)}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        {pageRows.length === 0 ? <div className="desk-table__empty">{empty}</div> : null}
      </div>

      <div className="desk-pager">
        <span>
          共 {shownRows.length} 条{more ? '（还有未加载的）' : ''}
          {selected && selected.size > 0 ? `，已选 ${selected.size} 条` : ''}
        </span>
        <select
          aria-label="每页条数"
          value={pageSize}
          onChange={(e) => {
            setPageSize(Number(e.target.value));
            setPageIndex(0);
          }}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              每页 {size} 条
            </option>
          ))}
        </select>
        <button type="button" className="desk-button" disabled={page === 0} onClick={() => setPageIndex(page - 1)}>
          上一页
        </button>
        <span>
          {page + 1} / {pageCount}
        </span>
        <button type="button" className="desk-button" disabled={page >= pageCount - 1} onClick={() => setPageIndex(page + 1)}>
          下一页
        </button>
        {more ? (
          <button type="button" className="desk-button" disabled={loadingMore} onClick={() => void run(more)}>
            {loadingMore ? '加载中…' : '加载更多'}
          </button>
        ) : null}
      </div>
    </>
  );
}
