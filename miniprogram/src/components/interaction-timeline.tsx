import { describeInteraction, formatFen, formatShanghaiDateTime, type InteractionDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import './interaction-timeline.scss';

/**
 * The line under a timeline entry: an amount given or refunded (unless the sentence already
 * says it), the notes of an offline contact.
 */
export function interactionNote(interaction: InteractionDto): string | null {
  const { amountFen, notes } = interaction.detail;
  if (typeof amountFen === 'number' && Number.isSafeInteger(amountFen)) {
    return describeInteraction(interaction).includes('¥') ? null : formatFen(amountFen);
  }
  if (typeof notes === 'string' && notes.trim() !== '') return notes;
  return null;
}

/** One entry of a timeline (staff's view of an alumnus and the alumnus's own 我的足迹). */
export function InteractionItem({ interaction }: { interaction: InteractionDto }) {
  const note = interactionNote(interaction);
  const offline = interaction.kind.startsWith('offline.');
  return (
    <View className={`timeline-item${offline ? ' timeline-item--offline' : ''}`}>
      <View className="timeline-item__dot" />
      <View className="timeline-item__body">
        <View className="timeline-item__head">
          <Text className="timeline-item__kind">{describeInteraction(interaction)}</Text>
          <Text className="timeline-item__time">{formatShanghaiDateTime(interaction.occurredAt)}</Text>
        </View>
        {note ? <Text className="timeline-item__note">{note}</Text> : null}
        {offline ? <Text className="timeline-item__source">校友会记录</Text> : null}
      </View>
    </View>
  );
}
