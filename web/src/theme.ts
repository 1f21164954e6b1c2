// A restrained government look: one deep blue, small radii, compact controls.
import type { ThemeConfig } from 'antd';

export const PRIMARY = '#1f4e9c';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorInfo: PRIMARY,
    borderRadius: 3,
    fontSize: 14,
    fontFamily:
      '-apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: {
      headerBg: PRIMARY,
      headerHeight: 56,
      headerPadding: '0 24px',
      siderBg: '#ffffff',
      bodyBg: '#f0f2f5',
    },
    Menu: { itemBorderRadius: 0, itemMarginInline: 0, itemSelectedBg: '#e8eef8' },
    Table: { headerBg: '#f3f5f9', cellPaddingBlockSM: 6 },
    Card: { headerFontSize: 15 },
  },
};
