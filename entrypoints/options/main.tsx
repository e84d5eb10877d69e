import '../../lib/domain/zod-jitless';
import { render } from 'preact';
import { App } from './App';
import '../../components/theme.css';
import '../../components/options/options.css';

render(<App />, document.getElementById('app')!);
