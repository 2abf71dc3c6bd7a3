import { Component, type ReactNode } from 'react';
import { useAppStore } from '../store/appStore.ts';

interface Props {
  fallback: ReactNode;
  children: ReactNode;
}

/** If the 3D view fails (lost context, driver bug), residents land in the 2D view instead of a blank page. */
export class SceneErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('3D view failed, switching to the 2D view', error);
    useAppStore.getState().setWebglAvailable(false);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
