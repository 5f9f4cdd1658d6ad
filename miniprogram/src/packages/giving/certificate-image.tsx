import type { DonationCertificateDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import { DrawingCanvas, type DrawnCanvas, useDrawnImage } from '../../components/drawn-image';
import { saveImage } from '../../components/save-image';
import { CERTIFICATE_HEIGHT, CERTIFICATE_WIDTH, certificateContent, certificateFileName, paintCertificate } from './certificate';
import './certificate-image.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const CANVAS: DrawnCanvas = { id: 'giving-certificate-canvas', width: CERTIFICATE_WIDTH, height: CERTIFICATE_HEIGHT };

interface CertificateImageProps {
  certificate: DonationCertificateDto;
  /** The image once drawn: a temporary file in WeChat (the share card uses it), a data URL in the browser. */
  onDrawn?: (src: string) => void;
}

/**
 * The certificate as an image the alumnus can save (WeChat: the photo album; the browser: a
 * download) and share. It is drawn on the phone, where the system has Chinese fonts; the
 * same words are in the page as text for screen readers, and shown instead if drawing fails.
 */
export function CertificateImage({ certificate, onDrawn }: CertificateImageProps) {
  const content = useMemo(() => certificateContent(certificate), [certificate]);
  const drawing = useDrawnImage(CANVAS, content, paintCertificate, onDrawn);

  return (
    <View className="certificate">
      <Text className="certificate__thanks">感谢你的捐赠</Text>
      {drawing.status === 'ready' ? (
        <Image className="certificate__image" src={drawing.src} mode="widthFix" showMenuByLongpress />
      ) : drawing.status === 'drawing' ? (
        <View className="certificate__drawing">正在生成证书…</View>
      ) : null}
      <View className={drawing.status === 'failed' ? 'certificate__text certificate__text--shown' : 'certificate__text'}>
        <Text className="certificate__school">{content.school}</Text>
        <Text className="certificate__name">{content.name}</Text>
        <Text className="certificate__body">{content.body}</Text>
        {content.trees ? <Text className="certificate__trees">{content.trees}</Text> : null}
        <Text className="certificate__issuer">
          {content.issuer} {content.date}
        </Text>
      </View>
      <Text className="certificate__no" userSelect>
        {content.number}
      </Text>
      {drawing.status === 'ready' ? (
        <View className="certificate__actions">
          <Button
            className="certificate__save"
            type="primary"
            shape="round"
            block
            onClick={() => void saveImage(drawing.src, certificateFileName(certificate), '保存证书')}
          >
            {IS_WEAPP ? '保存到相册' : '下载证书'}
          </Button>
          {IS_WEAPP ? (
            <Button className="certificate__share" shape="round" block openType="share">
              分享给校友
            </Button>
          ) : null}
        </View>
      ) : null}
      <DrawingCanvas canvas={CANVAS} className="certificate__canvas" />
    </View>
  );
}
