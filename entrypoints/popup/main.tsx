import { render } from 'preact';
import { localizeDocument } from '../../lib/platform/i18n';
import { App } from './App';
import '../../components/theme.css';

localizeDocument('extName');
render(<App />, document.getElementById('app')!);
