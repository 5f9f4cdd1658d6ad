import type { DonationCertificateDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Canvas, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import { saveImage } from '../../components/save-image';
import { findCanvasNode } from '../../components/weapp-canvas-node';
import {
  CERTIFICATE_HEIGHT,
  CERTIFICATE_WIDTH,
  type CertificateContent,
  certificateContent,
  certificateFileName,
  paintCertificate,
} from './certificate';
import './certificate-image.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const CANVAS_ID = 'giving-certificate-canvas';

type Drawing = { status: 'drawing' } | { status: 'ready'; src: string } | { status: 'failed' };

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
  const [drawing, setDrawing] = useState<Drawing>({ status: 'drawing' });
  const drawn = useRef(onDrawn);
  drawn.current = onDrawn;

  useEffect(() => {
    let gone = false;
    draw(content).then(
      (src) => {
        if (gone) return;
        setDrawing({ status: 'ready', src });
        drawn.current?.(src);
      },
      () => !gone && setDrawing({ status: 'failed' }),
    );
    return () => {
      gone = true;
    };
  }, [content]);

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
      {IS_WEAPP ? <Canvas type="2d" id={CANVAS_ID} className="certificate__canvas" style={{ width: '375px', height: '525px' }} /> : null}
    </View>
  );
}

/** WeChat: the page's hidden `<canvas type="2d">` exported to a temporary file; the browser: an offscreen canvas as a data URL. */
async function draw(content: CertificateContent): Promise<string> {
  if (!IS_WEAPP) {
    const canvas = document.createElement('canvas');
    canvas.width = CERTIFICATE_WIDTH;
    canvas.height = CERTIFICATE_HEIGHT;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    paintCertificate(ctx, content);
    return canvas.toDataURL('image/png');
  }
  const found = await findCanvasNode(CANVAS_ID);
  if (!found) throw new Error('certificate canvas not found');
  const { node } = found;
  node.width = CERTIFICATE_WIDTH;
  node.height = CERTIFICATE_HEIGHT;
  paintCertificate(node.getContext('2d'), content);
  const { tempFilePath } = await Taro.canvasToTempFilePath({
    canvas: node as never,
    destWidth: CERTIFICATE_WIDTH,
    destHeight: CERTIFICATE_HEIGHT,
  } as Taro.canvasToTempFilePath.Option);
  return tempFilePath;
}
