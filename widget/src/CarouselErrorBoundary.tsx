import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** A new value (e.g. a new request url) clears a previous failure. */
  resetKey: string;
  fallback: ReactNode;
  onError?: (error: unknown) => void;
  children: ReactNode;
}

interface State {
  failed: boolean;
  resetKey: string;
}

/** Keeps a rendering failure inside the widget so the host page stays intact. */
export class CarouselErrorBoundary extends Component<Props, State> {
  state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('recsys-lite-widget: carousel failed to render', error, info.componentStack);
    this.props.onError?.(error);
  }

  render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
