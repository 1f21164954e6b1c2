import { Spin } from 'antd';

/** Shown while a lazily loaded page or the signed-in frame arrives. */
export function PageFallback() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}
