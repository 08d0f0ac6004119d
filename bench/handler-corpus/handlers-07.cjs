let state0_0 = [];
let state1_0 = 0;
module.exports.handler0 = async function (event, context) {
  [1].forEach((item0_1_0) => {
    state1_0++;
  });
  return { statusCode: 200 };
};
console.log('unrelated0_0', 0);
function unrelated1_0(value) {
  return value + 1;
}
let state0_1;
let state1_1;
let state2_1;
function helper2_1_1(input2_1_1) {
  helper2_2_1(input2_1_1);
}
function helper2_2_1(input2_2_1) {
  state1_1 ||= new Set();
  state1_1.add(input2_2_1.id);
}
module.exports.handler1 = async function (event, context) {
  [1].forEach((item0_1_1) => {
    Promise.resolve(2).then(function (item0_2_1) {
      state2_1 ??= new Set();
      state2_1.add(event.id);
    });
  });
  [1].forEach((item1_1_1) => {
    Promise.resolve(2).then(function (item1_2_1) {
      if (!state0_1) state0_1 = {};
      state0_1[event.id] = true;
    });
  });
  helper2_1_1(event);
  return { statusCode: 200 };
};
const unrelated0_1 = new Map();
unrelated0_1.set('key', 0);
let state0_2;
let state1_2 = new Set();
function helper0_1_2(input0_1_2) {
  state0_2 ||= [];
  state0_2 = [...state0_2, input0_1_2.id];
}
function helper1_1_2(input1_1_2) {
  helper1_2_2(input1_1_2);
}
function helper1_2_2(input1_2_2) {
  helper1_3_2(input1_2_2);
}
function helper1_3_2(input1_3_2) {
  state1_2.add(input1_3_2.id);
}
module.exports.handler2 = async function (event, context) {
  helper0_1_2(event);
  helper1_1_2(event);
  state1_2.add(event.id);
  const alias3_2 = state1_2;
  alias3_2.add(event.id);
  return { statusCode: 200 };
};
let state0_3 = new Map();
let state1_3;
let state2_3 = {};
module.exports.handler3 = async function (event, context) {
  [1].forEach((item0_1_3) => {
    delete state2_3[event.id];
  });
  state1_3 ??= new Set();
  const alias1_3 = state1_3;
  alias1_3.add(event.id);
  console.log(typeof state0_3);
  return { statusCode: 200 };
};
let state0_4 = '';
let state1_4;
function helper0_1_4(input0_1_4) {
  helper0_2_4(input0_1_4);
}
function helper0_2_4(input0_2_4) {
  helper0_3_4(input0_2_4);
}
function helper0_3_4(input0_3_4) {
  state1_4 ??= {};
  delete state1_4[input0_3_4.id];
}
module.exports.handler4 = async function (event, context) {
  helper0_1_4(event);
  [1].forEach((item1_1_4) => {
    state0_4 += event.line;
  });
  return { statusCode: 200 };
};
let state0_5 = '';
module.exports.handler5 = async function (event, context) {
  state0_5 += event.line;
  state0_5 += event.line;
  console.log(typeof state0_5);
  return { statusCode: 200 };
};
let state0_6 = 0;
function helper2_1_6(input2_1_6) {
  helper2_2_6(input2_1_6);
}
function helper2_2_6(input2_2_6) {
  state0_6++;
}
module.exports.handler6 = async function (event, context) {
  state0_6++;
  [1].forEach((item1_1_6) => {
    Promise.resolve(2).then(function (item1_2_6) {
      state0_6 += 1;
    });
  });
  helper2_1_6(event);
  [1].forEach((item3_1_6) => {
    state0_6++;
  });
  return { statusCode: 200 };
};
function unrelated0_6(value) {
  return value + 1;
}
const unrelated1_6 = new Map();
unrelated1_6.set('key', 1);
let state0_7 = [];
module.exports.handler7 = async function (event, context) {
  state0_7 = [...state0_7, event.id];
  state0_7 = [...state0_7, event.id];
  return { statusCode: 200 };
};
const unrelated0_7 = [1, 2, 3].map((n) => n * 2);
function unrelated1_7(value) {
  return value + 1;
}
let state0_8 = 0;
let state1_8 = '';
let state2_8 = new Map();
module.exports.handler8 = async function (event, context) {
  [1].forEach((item0_1_8) => {
    Promise.resolve(2).then(function (item0_2_8) {
      [3].forEach((item0_3_8) => {
        state2_8.set(event.id, Date.now());
      });
    });
  });
  return { statusCode: 200 };
};
console.log('unrelated0_8', 0);
let state0_9 = new Set();
let state1_9;
let state2_9;
function helper0_1_9(input0_1_9) {
  helper0_2_9(input0_1_9);
}
function helper0_2_9(input0_2_9) {
  state1_9 ||= new Set();
  const alias0_9 = state1_9;
  alias0_9.add(input0_2_9.id);
}
function helper2_1_9(input2_1_9) {
  helper2_2_9(input2_1_9);
}
function helper2_2_9(input2_2_9) {
  helper2_3_9(input2_2_9);
}
function helper2_3_9(input2_3_9) {
  if (!state2_9) state2_9 = new Set();
  state2_9.add(input2_3_9.id);
}
module.exports.handler9 = async function (event, context) {
  helper0_1_9(event);
  state1_9 ||= new Set();
  state1_9.add(event.id);
  helper2_1_9(event);
  return { statusCode: 200 };
};
let state0_10 = new Map();
let state1_10;
function helper1_1_10(input1_1_10) {
  state0_10.set(input1_1_10.id, Date.now());
}
function helper3_1_10(input3_1_10) {
  helper3_2_10(input3_1_10);
}
function helper3_2_10(input3_2_10) {
  state1_10 ||= new Set();
  const alias3_10 = state1_10;
  alias3_10.add(input3_2_10.id);
}
module.exports.handler10 = async function (event, context) {
  state1_10 ||= new Set();
  const alias0_10 = state1_10;
  alias0_10.add(event.id);
  helper1_1_10(event);
  [1].forEach((item2_1_10) => {
    Promise.resolve(2).then(function (item2_2_10) {
      state1_10 ||= new Set();
      state1_10.add(event.id);
    });
  });
  helper3_1_10(event);
  return { statusCode: 200 };
};
let state0_11 = '';
let state1_11 = 0;
let state2_11 = new Map();
module.exports.handler11 = async function (event, context) {
  state0_11 += event.line;
  state2_11.set(event.id, Date.now());
  return { statusCode: 200 };
};
let state0_12 = '';
function helper1_1_12(input1_1_12) {
  state0_12 += input1_1_12.line;
}
function helper2_1_12(input2_1_12) {
  state0_12 += input2_1_12.line;
}
module.exports.handler12 = async function (event, context) {
  state0_12 += event.line;
  helper1_1_12(event);
  helper2_1_12(event);
  return { statusCode: 200 };
};
function unrelated0_12(value) {
  return value + 1;
}
const unrelated1_12 = [1, 2, 3].map((n) => n * 2);
let state0_13 = 0;
let state1_13 = new Map();
module.exports.handler13 = async function (event, context) {
  [1].forEach((item0_1_13) => {
    Promise.resolve(2).then(function (item0_2_13) {
      state0_13++;
    });
  });
  return { statusCode: 200 };
};
let state0_14 = 0;
let state1_14;
module.exports.handler14 = async function (event, context) {
  state0_14++;
  if (!state1_14) state1_14 = new Set();
  state1_14.add(event.id);
  return { statusCode: 200 };
};
console.log('unrelated0_14', 0);
let state0_15 = '';
function helper1_1_15(input1_1_15) {
  state0_15 += input1_1_15.line;
}
function helper2_1_15(input2_1_15) {
  helper2_2_15(input2_1_15);
}
function helper2_2_15(input2_2_15) {
  state0_15 += input2_2_15.line;
}
module.exports.handler15 = async function (event, context) {
  state0_15 += event.line;
  helper1_1_15(event);
  helper2_1_15(event);
  [1].forEach((item3_1_15) => {
    Promise.resolve(2).then(function (item3_2_15) {
      state0_15 += event.line;
    });
  });
  return { statusCode: 200 };
};
console.log('unrelated0_15', 0);
const unrelated1_15 = new Map();
unrelated1_15.set('key', 1);
let state0_16 = 0;
let state1_16;
let state2_16 = '';
function helper0_1_16(input0_1_16) {
  if (!state1_16) state1_16 = {};
  state1_16[input0_1_16.id] = true;
}
module.exports.handler16 = async function (event, context) {
  helper0_1_16(event);
  [1].forEach((item1_1_16) => {
    Promise.resolve(2).then(function (item1_2_16) {
      [3].forEach((item1_3_16) => {
        state0_16++;
      });
    });
  });
  [1].forEach((item2_1_16) => {
    Promise.resolve(2).then(function (item2_2_16) {
      [3].forEach((item2_3_16) => {
        state0_16++;
      });
    });
  });
  return { statusCode: 200 };
};
const unrelated0_16 = new Map();
unrelated0_16.set('key', 0);
const unrelated1_16 = [1, 2, 3].map((n) => n * 2);
let state0_17 = new Map();
function helper1_1_17(input1_1_17) {
  helper1_2_17(input1_1_17);
}
function helper1_2_17(input1_2_17) {
  helper1_3_17(input1_2_17);
}
function helper1_3_17(input1_3_17) {
  state0_17.set(input1_3_17.id, Date.now());
}
function helper2_1_17(input2_1_17) {
  helper2_2_17(input2_1_17);
}
function helper2_2_17(input2_2_17) {
  helper2_3_17(input2_2_17);
}
function helper2_3_17(input2_3_17) {
  const alias2_17 = state0_17;
  alias2_17.set(input2_3_17.id, Date.now());
}
function helper3_1_17(input3_1_17) {
  const alias3_17 = state0_17;
  alias3_17.set(input3_1_17.id, Date.now());
}
module.exports.handler17 = async function (event, context) {
  [1].forEach((item0_1_17) => {
    Promise.resolve(2).then(function (item0_2_17) {
      state0_17.set(event.id, Date.now());
    });
  });
  helper1_1_17(event);
  helper2_1_17(event);
  helper3_1_17(event);
  console.log(typeof state0_17);
  return { statusCode: 200 };
};
let state0_18 = 0;
function helper0_1_18(input0_1_18) {
  helper0_2_18(input0_1_18);
}
function helper0_2_18(input0_2_18) {
  helper0_3_18(input0_2_18);
}
function helper0_3_18(input0_3_18) {
  state0_18 += 1;
}
module.exports.handler18 = async function (event, context) {
  helper0_1_18(event);
  console.log(typeof state0_18);
  return { statusCode: 200 };
};
let state0_19 = '';
let state1_19 = '';
let state2_19 = 0;
function helper0_1_19(input0_1_19) {
  state0_19 += input0_1_19.line;
}
function helper2_1_19(input2_1_19) {
  helper2_2_19(input2_1_19);
}
function helper2_2_19(input2_2_19) {
  helper2_3_19(input2_2_19);
}
function helper2_3_19(input2_3_19) {
  state1_19 += input2_3_19.line;
}
module.exports.handler19 = async function (event, context) {
  helper0_1_19(event);
  [1].forEach((item1_1_19) => {
    Promise.resolve(2).then(function (item1_2_19) {
      state1_19 += event.line;
    });
  });
  helper2_1_19(event);
  return { statusCode: 200 };
};
function unrelated0_19(value) {
  return value + 1;
}
let state0_20 = [];
function helper0_1_20(input0_1_20) {
  helper0_2_20(input0_1_20);
}
function helper0_2_20(input0_2_20) {
  helper0_3_20(input0_2_20);
}
function helper0_3_20(input0_3_20) {
  state0_20.push(input0_3_20.id);
}
module.exports.handler20 = async function (event, context) {
  helper0_1_20(event);
  [1].forEach((item1_1_20) => {
    Promise.resolve(2).then(function (item1_2_20) {
      [3].forEach((item1_3_20) => {
        state0_20.push(event.id);
      });
    });
  });
  [1].forEach((item2_1_20) => {
    Promise.resolve(2).then(function (item2_2_20) {
      [3].forEach((item2_3_20) => {
        state0_20.unshift(event.id);
      });
    });
  });
  return { statusCode: 200 };
};
console.log('unrelated0_20', 0);
function unrelated1_20(value) {
  return value + 1;
}
