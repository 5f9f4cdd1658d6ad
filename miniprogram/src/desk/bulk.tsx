import Taro from '@tarojs/taro';
import { ApiError } from '../api/request';
import { showModal } from '../components/modal';

export interface BulkOutcome {
  /** What was done, e.g. 通过. */
  verb: string;
  done: number;
  failed: { label: string; message: string }[];
}

/**
 * One action over many selected records, after a confirmation that says how many. Each
 * record goes through its own single-record route, one after another: every record is its
 * own transaction on the server, so the outcome is per record (the others stand when one is
 * refused, e.g. decided meanwhile by a colleague) and lists what failed and why.
 */
export async function runBulk<T>({
  items,
  verb,
  title,
  content,
  label,
  action,
}: {
  items: T[];
  verb: string;
  title: string;
  /** The confirmation's text; it starts with how many records the action takes. */
  content: string;
  label: (item: T) => string;
  action: (item: T) => Promise<unknown>;
}): Promise<BulkOutcome | null> {
  const { confirm } = await showModal({ title, content, confirmText: verb });
  if (!confirm) return null;
  const outcome: BulkOutcome = { verb, done: 0, failed: [] };
  void Taro.showLoading({ title: `正在${verb}…` });
  try {
    for (const item of items) {
      try {
        await action(item);
        outcome.done += 1;
      } catch (error) {
        outcome.failed.push({ label: label(item), message: error instanceof ApiError ? error.message : '网络异常' });
      }
    }
  } finally {
    void Taro.hideLoading();
  }
  return outcome;
}

/** The outcome of the last bulk action, above the table. */
export function BulkOutcomeNote({ outcome }: { outcome: BulkOutcome | null }) {
  if (!outcome) return null;
  return (
    <div className={`desk-result bulk-outcome${outcome.failed.length ? ' desk-result--failed' : ''}`} role="status">
      已{outcome.verb} {outcome.done} 条{outcome.failed.length ? `，${outcome.failed.length} 条未能${outcome.verb}：` : '。'}
      {outcome.failed.length ? (
        <ul>
          {outcome.failed.map((f, i) => (
            <li key={i}>
              {f.label}：{f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
