import '@fontsource-variable/noto-sans-arabic';
import './fonts-arabic.css';
