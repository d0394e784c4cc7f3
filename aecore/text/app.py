"""Text of the command line, navigation, sidebar, Welcome page, shareable links. key -> (en, ko)."""

TEXT = {
    "cli.model": ("Model: {dialect} stack on input {shape}", "모델: 입력 {shape}의 {dialect} 스택"),
    "cli.layer": ("Layer (type)", "층 (종류)"),
    "cli.output": ("Output shape", "출력 모양"),
    "cli.params": ("Param #", "파라미터 수"),
    "cli.why": ("Why", "이유"),
    "cli.total": ("Total params: {n}", "전체 파라미터: {n}"),
    "cli.trainable": ("Trainable params: {n}", "학습 파라미터: {n}"),
    "cli.frozen": ("Non-trainable params: {n}", "학습하지 않는 파라미터: {n}"),
    "cli.same": ("✓ The output {out} equals the input {inp}: it can learn to reconstruct.",
                 "✓ 출력 {out}이 입력 {inp}과 같습니다: 복원을 학습할 수 있습니다."),
    "cli.differs": ("✗ The output {out} differs from the input {inp}: an autoencoder must give back its input's shape.",
                    "✗ 출력 {out}이 입력 {inp}과 다릅니다: 오토인코더는 입력과 같은 모양을 돌려줘야 합니다."),
    "cli.need_input": ("give the input shape with --input (e.g. --input 28,28,1)",
                       "--input으로 입력 모양을 주세요 (예: --input 28,28,1)"),
    "nav.home": ("Welcome", "시작"),
    "nav.builder": ("Layer Builder", "레이어 빌더"),
    "side.device": ("{icon} Training on **{kind}** · {name}{memory}", "{icon} **{kind}**에서 학습 · {name}{memory}"),
    "side.cpu_hint": ("No GPU here: the defaults are small, so training takes seconds.",
                      "GPU가 없습니다: 기본 설정이 작아서 학습은 몇 초면 됩니다."),
    "home.title": ("🧠 The autoencoder classroom", "🧠 오토인코더 교실"),
    "home.lead": ("An autoencoder squeezes an image through a narrow code and rebuilds it. Here you **build** "
                  "one layer by layer, **train** it on this machine, and **use** it: reconstructions, "
                  "denoising, the latent space and similar-image search.",
                  "오토인코더는 이미지를 좁은 코드로 압축했다가 다시 만들어 냅니다. 여기서는 층을 하나씩 쌓아 "
                  "**만들고**, 이 컴퓨터에서 **학습시키고**, 복원·노이즈 제거·잠재 공간·비슷한 이미지 찾기에 "
                  "**써 봅니다**."),
    "home.build_title": ("1 · Build", "1 · 만들기"),
    "home.build_text": ("Stack layers and watch every output shape change as you type. Paste Keras or PyTorch "
                        "code from a lesson and see its table.",
                        "층을 쌓으면서 출력 모양이 바뀌는 것을 바로 봅니다. 수업의 Keras나 PyTorch 코드를 붙여 "
                        "넣어 표로 볼 수도 있습니다."),
    "home.train_title": ("2 · Train", "2 · 학습"),
    "home.train_text": ("Train on the GPU if there is one, else on the CPU, with live loss curves and "
                        "reconstructions.",
                        "GPU가 있으면 GPU로, 없으면 CPU로 학습하며 손실 곡선과 복원 결과를 실시간으로 봅니다."),
    "home.use_title": ("3 · Use", "3 · 활용"),
    "home.use_text": ("Denoise images, explore the latent space, and find similar images by their codes.",
                      "노이즈를 없애고, 잠재 공간을 탐색하고, 코드로 비슷한 이미지를 찾습니다."),
    "home.puzzle_title": ("The shape puzzle", "모양 퍼즐"),
    "home.puzzle_text": ("Lesson 1's model pools {pools} times but upsamples {ups} times, and still ends at "
                         "{side}×{side}. Why? Follow the side of the image down its table: **{chain}**. Two rows hold "
                         "the answer. Row {odd_row}, a {odd_type} with stride {odd_strides} and 'same' padding, rounds "
                         "up: ⌈{odd_in}/{odd_strides}⌉ = {odd_out}. Row {trim_row}, a {odd_type} without padding, "
                         "trims the border: {trim_in} becomes {trim_out}, and the last upsampling lands on {side}.",
                         "1강의 모델은 풀링을 {pools}번, 업샘플링을 {ups}번 하는데도 {side}×{side}로 끝납니다. "
                         "왜일까요? 표를 따라 이미지 한 변의 길이를 보세요: **{chain}**. 답은 두 줄에 있습니다. "
                         "{odd_row}번 줄은 stride {odd_strides}에 'same' 패딩을 쓴 {odd_type}로, 올림을 합니다: "
                         "⌈{odd_in}/{odd_strides}⌉ = {odd_out}. {trim_row}번 줄은 패딩 없는 {odd_type}로, 가장자리를 "
                         "깎아 {trim_in}을 {trim_out}로 만들고, 마지막 업샘플링이 {side}에 닿습니다."),
    "home.open_builder": ("Open the Layer Builder", "레이어 빌더 열기"),
    "nav.train": ("Train", "학습"),
    "nav.denoise": ("Denoise", "노이즈 제거"),
    "nav.latent": ("Latent space", "잠재 공간"),
    "nav.similar": ("Similar images", "비슷한 이미지"),
    "link.button": ("Copy a link to this", "이 화면의 링크 복사"),
    "link.intro": ("This link opens this page with the same model, data and settings, in a fresh browser too.",
                   "이 링크를 열면 새 브라우저에서도 같은 모델, 데이터, 설정으로 이 페이지가 열립니다."),
    "link.hide": ("Hide in the linked view", "링크로 열 때 숨길 것"),
    "link.hide_help": ("For a class: the students who open the link do not see these controls.",
                       "수업용: 링크를 연 학생에게는 이 조작 부분이 보이지 않습니다."),
    "link.how": ("Copy it with the icon at the top right of the box. The address bar holds the same state, without the "
                 "controls you choose to hide here.",
                 "상자 오른쪽 위의 아이콘으로 복사하세요. 주소 창에도 같은 상태가 들어 있지만, 여기서 고른 숨김은 "
                 "빠져 있습니다."),
    "link.notice": ("This link asked for something that was not used: {what}", "이 링크의 내용 중 쓰지 않은 것이 있습니다: {what}"),
    "link.too_many": ("it has {n} settings; only the first {max} were read.", "설정이 {n}개여서 앞의 {max}개만 읽었습니다."),
    "link.too_long": ("the value of '{name}' is too long.", "'{name}'의 값이 너무 깁니다."),
    "link.bad_choice": ("'{name}' cannot be '{value}' (it can be {options}).",
                        "'{name}'은(는) '{value}'일 수 없습니다 (가능한 값: {options})."),
    "link.bad_hide": ("there is nothing called {names} to hide here (these can be hidden: {options}).",
                      "여기에는 숨길 수 있는 {names}이(가) 없습니다 (숨길 수 있는 것: {options})."),
    "link.bad_stack_too_long": ("its model is too large to come from a link; the Builder keeps its own.",
                                "링크에 담긴 모델이 너무 큽니다. 빌더는 원래 모델을 그대로 둡니다."),
    "link.bad_stack_unreadable": ("its model could not be read (the link may have been cut or changed); the Builder "
                                  "keeps its own.",
                                  "링크에 담긴 모델을 읽을 수 없습니다 (링크가 잘렸거나 바뀌었을 수 있습니다). 빌더는 원래 "
                                  "모델을 그대로 둡니다."),
    "link.bad_stack_not_a_stack": ("its model is not a list of layers the Builder can show; the Builder keeps its own.",
                                   "링크에 담긴 모델이 빌더가 보여 줄 수 있는 층의 목록이 아닙니다. 빌더는 원래 모델을 "
                                   "그대로 둡니다."),
    "link.bad_stack_unknown_layer": ("its model has a layer type the Builder does not know; the Builder keeps its own.",
                                     "링크에 담긴 모델에 빌더가 모르는 층이 있습니다. 빌더는 원래 모델을 그대로 둡니다."),
    "link.bad_input": ("the input shape '{value}' is not a shape; the model's usual input is used.",
                       "입력 모양 '{value}'은(는) 모양이 아닙니다. 모델의 기본 입력을 씁니다."),
    "link.nearest": ("{name} = {value} is not offered; the nearest, {used}, is used.",
                     "{name} = {value}은(는) 고를 수 없는 값이라 가장 가까운 {used}을(를) 씁니다."),
    "link.clamped": ("{name} = {value} is out of range; {used} is used.", "{name} = {value}은(는) 범위 밖이라 {used}을(를) 씁니다."),
    "link.bad_value": ("'{value}' is not a value for {name}.", "'{value}'은(는) {name}의 값이 될 수 없습니다."),
    "hide.presets": ("the Start-from box", "시작 모델 상자"),
    "hide.input": ("the input shape", "입력 모양"),
    "hide.paste": ("pasting code", "코드 붙여 넣기"),
    "hide.torch": ("the PyTorch view", "PyTorch로 보기"),
    "hide.quiz": ("Predict the shape", "모양 맞히기"),
    "hide.editor": ("the layer editors", "층 편집"),
    "hide.link": ("this link button", "이 링크 버튼"),
    "hide.dataset": ("the choice of images", "이미지 고르기"),
    "hide.model": ("the choice of model", "모델 고르기"),
    "hide.settings": ("epochs, batch, learning rate, loss", "에폭, 배치, 학습률, 손실 함수"),
    "hide.denoise": ("denoising and sparsity", "노이즈 제거와 희소성"),
    "hide.advanced": ("more settings (seed, image cap, sizes)", "설정 더 보기 (시드, 이미지 수, 크기)"),
    "hide.upload": ("uploading an image", "이미지 올리기"),
}
