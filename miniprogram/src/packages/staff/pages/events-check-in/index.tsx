import type { AlumnusCardDto, CheckInResultDto, EventDetailDto, RegistrantCountsDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { searchDirectory } from '../../../../api/directory';
import { ApiError } from '../../../../api/request';
import { addWalkIn, checkIn, getStaffEvent, listRegistrants } from '../../../../api/staff-events';
import { type CheckInOutcome, cleanShortCode, outcomeOfError, outcomeOfResult } from './check-in-outcome';
import './index.scss';
import { explainRefusal } from '../../../../components/permission-refusal';
import { useSingleFlight } from '../../../../components/use-single-flight';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
/** The latest outcomes stay on screen, newest first. */
const HISTORY = 8;

export default function CheckInPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [event, setEvent] = useState<EventDetailDto | null>(null);
  const [counts, setCounts] = useState<RegistrantCountsDto | null>(null);
  const [code, setCode] = useState('');
  const { busy, run } = useSingleFlight();
  const [outcomes, setOutcomes] = useState<(CheckInOutcome & { at: number })[]>([]);

  const refreshCounts = useCallback(() => {
    listRegistrants(id, { limit: 1 }).then(
      (page) => setCounts(page.counts),
      () => undefined,
    );
  }, [id]);
  useEffect(() => {
    getStaffEvent(id).then(setEvent, () => undefined);
    refreshCounts();
  }, [id, refreshCounts]);

  const record = (outcome: CheckInOutcome) => setOutcomes((list) => [{ ...outcome, at: Date.now() }, ...list].slice(0, HISTORY));

  /** One check-in (a scan, a typed code, a walk-in); its outcome goes on top of the list. */
  const checkInOnce = async (action: () => Promise<CheckInResultDto>) => {
    try {
      record(outcomeOfResult(await action()));
      refreshCounts();
    } catch (error) {
      if (error instanceof ApiError) record(outcomeOfError(error.code, error.message));
    }
  };
  const submit = (action: () => Promise<CheckInResultDto>) => run(() => checkInOnce(action));

  const scan = async () => {
    let token: string;
    try {
      token = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result;
    } catch (error) {
      await explainRefusal(error, 'camera', '扫码签到'); // Or the scanner was closed: nothing to say.
      return;
    }
    await submit(() => checkIn(id, { token }));
  };

  const typed = cleanShortCode(code);
  const submitCode = async () => {
    if (typed.length !== 8) return;
    await run(async () => {
      await checkInOnce(() => checkIn(id, { shortCode: typed }));
      setCode('');
    });
  };

  const latest = outcomes[0];
  return (
    <View className="check-in">
      <View className="check-in-head">
        <Text className="check-in-head__title">{event?.title ?? ' '}</Text>
        <Text className="check-in-head__count">
          已签到 <Text className="check-in-head__value">{counts?.checkedIn ?? '–'}</Text> / 已确认 {counts?.confirmed ?? '–'}
        </Text>
      </View>

      {IS_WEAPP ? (
        <Button className="check-in-scan" type="primary" shape="round" block loading={busy} onClick={() => void scan()}>
          扫码签到
        </Button>
      ) : null}

      <View className="check-in-code">
        <Text className="check-in-code__label">{IS_WEAPP ? '扫码不便时，输入电子票下方的 8 位签到码' : '输入电子票下方的 8 位签到码'}</Text>
        <View className="check-in-code__row">
          <Input
            className="check-in-code__input"
            value={code}
            maxlength={12}
            placeholder="如 K7M2 QX9D"
            confirmType="done"
            onInput={(e) => setCode(e.detail.value)}
            onConfirm={() => void submitCode()}
          />
          <Button
            className="check-in-code__submit"
            type="primary"
            shape="round"
            size="small"
            disabled={typed.length !== 8}
            loading={busy}
            onClick={() => void submitCode()}
          >
            签到
          </Button>
        </View>
      </View>

      {latest ? (
        <View className={`check-in-outcome check-in-outcome--${latest.tone}`}>
          <Text className="check-in-outcome__title">{latest.title}</Text>
          <Text className="check-in-outcome__detail">{latest.detail}</Text>
        </View>
      ) : null}

      {outcomes.length > 1 ? (
        <View className="check-in-history">
          <Text className="check-in-history__title">最近记录</Text>
          {outcomes.slice(1).map((o) => (
            <Text key={o.at} className={`check-in-history__item check-in-history__item--${o.tone}`}>
              {o.title} · {o.detail}
            </Text>
          ))}
        </View>
      ) : null}

      <WalkIn onAdd={(alumnusId) => void submit(() => addWalkIn(id, alumnusId))} busy={busy} />
    </View>
  );
}

/** An alumnus who came without a ticket: found by name in the directory, confirmed and checked in at once. */
function WalkIn({ onAdd, busy }: { onAdd: (alumnusId: string) => void; busy: boolean }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<AlumnusCardDto[] | null>(null);
  const search = async () => {
    if (q.trim() === '') return;
    try {
      setFound((await searchDirectory({ q: q.trim(), limit: 10 })).items);
    } catch {
      // Shown by the request wrapper.
    }
  };
  return (
    <View className="walk-in">
      <Text className="walk-in__title">现场登记</Text>
      <Text className="walk-in__hint">未报名或在候补中的校友到场时，按姓名找到后登记并直接签到（仅限已认证校友）。</Text>
      <View className="check-in-code__row">
        <Input
          className="check-in-code__input walk-in__input"
          value={q}
          placeholder="姓名或昵称"
          confirmType="search"
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={() => void search()}
        />
        <Button className="walk-in__search" shape="round" size="small" onClick={() => void search()}>
          查找
        </Button>
      </View>
      {found?.length === 0 ? <Text className="walk-in__hint">没有找到这位校友</Text> : null}
      {found?.map((a) => (
        <View key={a.id} className="walk-in__person">
          <Text className="walk-in__name">
            {a.realName ?? a.displayName}
            {a.graduationYear ? ` · ${a.graduationYear} 届` : ''}
          </Text>
          <Button className="walk-in__add" size="small" shape="round" type="primary" disabled={busy} onClick={() => onAdd(a.id)}>
            登记签到
          </Button>
        </View>
      ))}
    </View>
  );
}
