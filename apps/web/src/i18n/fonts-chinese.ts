import '@fontsource-variable/noto-sans-sc';
import './fonts-chinese.css';
