import { Card } from 'antd';

/** Placeholder until the area's home panel is built. */
export default function AwaitingPanel() {
  return <Card />;
}
