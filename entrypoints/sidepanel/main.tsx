import { render } from 'preact';
import { App } from './App';
import '../../components/theme.css';
import '../../components/side-panel.css';

render(<App />, document.getElementById('app')!);
