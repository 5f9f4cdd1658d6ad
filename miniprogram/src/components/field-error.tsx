import { Text } from '@tarojs/components';
import './field-error.scss';

/**
 * The message under a form field (a failed save the server blamed on it, or the form's own
 * check): red, small, right under the control. `className` keeps
 * a page's own name for its tests. Renders nothing without a message.
 */
export function FieldError({ message, className }: { message: string | null | undefined; className?: string }) {
  if (!message) return null;
  return <Text className={className ? `field-error ${className}` : 'field-error'}>{message}</Text>;
}
