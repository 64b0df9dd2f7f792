// ImageSpec → encoded JPEG/PNG bytes.
import { encode } from './canvas';
import { paintIdCard, paintLicence } from './cards';
import { paintScene } from './scenes';
import { paintScreen } from './screens';
import type { ImageSpec } from './spec';

export async function renderImage(spec: ImageSpec, format: 'jpeg' | 'png'): Promise<Uint8Array> {
  const canvas =
    spec.type === 'licence' ? paintLicence(spec) : spec.type === 'idcard' ? paintIdCard(spec) : spec.type === 'screen' ? paintScreen(spec) : paintScene(spec);
  return encode(canvas, format);
}
