import type { PageMessages } from './addMessages';

const zh = {
  auth: {
    title: '登录',
    product: 'GridPulse 网格化社会治理指挥中心',
    subtitle: '值班工作台 · 领导移动端',
    username: '用户名',
    password: '密码',
    submit: '登录',
    submitting: '正在登录…',
    showPassword: '显示密码',
    hidePassword: '隐藏密码',
    error: {
      invalid: '用户名或密码错误',
      throttled: '登录失败次数过多，请 {minutes} 分钟后再试',
      network: '无法连接服务器，请检查网络后重试',
      server: '服务器错误（{status}），请稍后重试',
      required: '请输入用户名和密码',
    },
    expired: '登录已过期，请重新登录',
    checking: '正在核验身份…',
    unreachable: '无法连接服务器',
    retry: '重试',
    logout: '退出登录',
    switchUser: '切换账号',
    forbidden: {
      title: '无权访问此页面',
      body: '当前账号（{name}，{role}）无权使用{page}。',
      goTo: '前往{page}',
    },
    pages: {
      console: '值班工作台',
      tablet: '领导移动端',
      wall: '指挥大屏',
    },
    role: {
      viewer: '大屏',
      leader: '领导',
      officer: '值班员',
      admin: '管理员',
      ingest: '接入系统',
    },
    noPermission: '无权限：{message}',
  },
};

export const authMessages: PageMessages<typeof zh> = {
  'zh-CN': zh,
  en: {
    auth: {
      title: 'Sign in',
      product: 'GridPulse Grid Governance Command Centre',
      subtitle: 'Duty console · Leaders\u2019 tablet',
      username: 'Username',
      password: 'Password',
      submit: 'Sign in',
      submitting: 'Signing in…',
      showPassword: 'Show password',
      hidePassword: 'Hide password',
      error: {
        invalid: 'Wrong username or password',
        throttled: 'Too many failed attempts: try again in {minutes} min',
        network: 'Cannot reach the server: check the network and try again',
        server: 'Server error ({status}): try again later',
        required: 'Enter your username and password',
      },
      expired: 'Your session has ended: please sign in again',
      checking: 'Checking who you are…',
      unreachable: 'Cannot reach the server',
      retry: 'Retry',
      logout: 'Sign out',
      switchUser: 'Switch account',
      forbidden: {
        title: 'You may not open this page',
        body: 'This account ({name}, {role}) may not use the {page}.',
        goTo: 'Go to the {page}',
      },
      pages: {
        console: 'duty console',
        tablet: 'leaders\u2019 tablet',
        wall: 'wall',
      },
      role: {
        viewer: 'Wall screen',
        leader: 'Leader',
        officer: 'Duty officer',
        admin: 'Administrator',
        ingest: 'Ingest client',
      },
      noPermission: 'Not allowed: {message}',
    },
  },
};
