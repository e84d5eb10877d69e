import '../../lib/domain/zod-jitless';
import { render } from 'preact';
import { localizeDocument } from '../../lib/platform/i18n';
import { App } from './App';
import '../../components/theme.css';
import '../../components/dashboard.css';

localizeDocument('dash_title');
render(<App />, document.getElementById('app')!);
